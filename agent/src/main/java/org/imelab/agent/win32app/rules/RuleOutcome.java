package org.imelab.agent.win32app.rules;

/**
 * The result of one rule.
 *
 * @param verdict met (detected / requirement satisfied), not met, or could not be evaluated
 * @param detail  why, in words for the log and the lab's app view
 */
public record RuleOutcome(Verdict verdict, String detail) {

    public enum Verdict { MET, NOT_MET, ERROR }

    public static RuleOutcome met(String detail) {
        return new RuleOutcome(Verdict.MET, detail);
    }

    public static RuleOutcome notMet(String detail) {
        return new RuleOutcome(Verdict.NOT_MET, detail);
    }

    public static RuleOutcome error(String detail) {
        return new RuleOutcome(Verdict.ERROR, detail);
    }

    static RuleOutcome of(boolean met, String detail) {
        return met ? met(detail) : notMet(detail);
    }

    public boolean isMet() {
        return verdict == Verdict.MET;
    }
}
