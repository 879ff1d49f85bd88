package org.lararena.platform.services;

import org.lararena.platform.LararenaException;

/** A managed server could not be prepared or did not come up; the message says why and what to do. */
public class ServiceStartException extends LararenaException {

    public ServiceStartException(String detail) {
        super(503, "service_start", detail);
    }

    public ServiceStartException(String detail, Throwable cause) {
        super(503, "service_start", detail, cause);
    }
}
