package org.lararena.platform;

/**
 * Invalid configuration: the platform refuses to start and says which setting is wrong and why.
 */
public class ConfigurationException extends LararenaException {

    public ConfigurationException(String detail) {
        super(500, "configuration", detail);
    }

    public ConfigurationException(String detail, Throwable cause) {
        super(500, "configuration", detail, cause);
    }
}
