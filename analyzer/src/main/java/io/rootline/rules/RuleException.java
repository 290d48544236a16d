package io.rootline.rules;

/** Thrown while reading a rule; carries the position so the loader can report it. */
final class RuleException extends Exception {

    private final YamlNode at;

    RuleException(YamlNode at, String message) {
        super(message);
        this.at = at;
    }

    YamlNode at() {
        return at;
    }
}
