package org.grantline.designer;

/** An uploaded bundle that cannot be used as it is (malformed, too big, unsafe paths): a bad request. */
public class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message);
    }
}
