package dev.canopy.app.ui.edit;

/**
 * An edit that cannot be applied to the design it was given (a path that does not exist, a
 * worker asked to hold children, a sibling with the same id ...). The message is a plain sentence
 * fit to show the user.
 */
public final class EditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EditException(String message) {
        super(message);
    }
}
