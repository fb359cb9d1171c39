package dev.ami.api.action;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.ami.api.authority.AuthorityClass;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares an AMI action that a CDI bean of any application on the server adds to the AMI server.
 * The bean implements {@link ManagerActionHandler}; the server checks the session's write classes
 * before it calls the bean, and lists the action in {@code ListCommands}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @AmiAction(name = "OrderStatus", write = AuthorityClass.REPORTING, synopsis = "Show an order's status.")
 * public class OrderStatusAction implements ManagerActionHandler {
 *     public List<ManagerMessage> handle(ActionRequest request) {
 *         return List.of(ManagerResponse.success(request.action()).header("Status", "shipped").build());
 *     }
 * }
 * }</pre>
 */
@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface AmiAction {

    /** @return the action name, matched without regard to case as Asterisk does */
    String name();

    /**
     * @return the write classes of which a session must hold at least one (Asterisk's rule); none
     *         means any logged-in session may run it
     */
    AuthorityClass[] write() default {};

    /** @return the one-line synopsis ListCommands prints */
    String synopsis() default "";

    /**
     * @return the names of headers whose values must never be logged, such as a secret the action
     *         takes; a trailing {@code *} matches any suffix ({@code Value-*}), and names match
     *         without regard to case
     */
    String[] sensitiveHeaders() default {};
}
