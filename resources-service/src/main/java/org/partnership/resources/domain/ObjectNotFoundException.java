package org.partnership.resources.domain;

/** No such object, or none the caller may see (the two are indistinguishable on purpose). */
public class ObjectNotFoundException extends RuntimeException {

    private final String kind;

    public ObjectNotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist or is not visible to you");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
