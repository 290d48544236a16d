package io.rootline.rules;

/**
 * One problem in a rule file, with where it is: "rules/x.yaml:12:5: unknown key 'windw'".
 */
public record RuleError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
