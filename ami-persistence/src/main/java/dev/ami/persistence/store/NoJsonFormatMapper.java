package dev.ami.persistence.store;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * The persistence unit's JSON format mapper (persistence.xml, {@code hibernate.type.json_format_mapper}):
 * no entity maps a column as JSON, so there is nothing to map. Without it Hibernate builds a Jackson
 * {@code ObjectMapper} with every module it finds whenever the server's Jackson is visible, about
 * 500 classes loaded at each start for nothing.
 */
public final class NoJsonFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
        throw unmapped(javaType);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        throw unmapped(javaType);
    }

    private static UnsupportedOperationException unmapped(JavaType<?> javaType) {
        return new UnsupportedOperationException("no entity maps a JSON column (" + javaType.getTypeName()
                + "): give the persistence unit a JSON format mapper first");
    }
}
