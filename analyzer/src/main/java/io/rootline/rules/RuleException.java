package io.rootline.rules;

import io.rootline.yaml.YamlException;
import io.rootline.yaml.YamlNode;

/** Thrown while reading a rule; carries the position so the loader can report it. */
final class RuleException extends YamlException {

    RuleException(YamlNode at, String message) {
        super(at, message);
    }
}
