package io.rootline.yaml;

/** A YAML file that is not what it should be, at the place it goes wrong: malformed, or a value of the wrong shape. */
public class YamlException extends Exception {

    private final transient YamlNode at;

    public YamlException(YamlNode at, String message) {
        super(message);
        this.at = at;
    }

    public YamlNode at() {
        return at;
    }
}
