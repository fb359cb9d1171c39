package dev.ami.it;

import org.asteriskjava.manager.event.UserEvent;

/** {@code UserEvent: Demo} as asterisk-java maps it: the class name is the event name plus "Event". */
public class DemoEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String foo;

    public DemoEvent(Object source) {
        super(source);
    }

    public String getFoo() {
        return foo;
    }

    public void setFoo(String foo) {
        this.foo = foo;
    }
}
