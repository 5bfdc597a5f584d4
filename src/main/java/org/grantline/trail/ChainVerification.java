package org.grantline.trail;

/**
 * The result of walking the trail: how many entries were checked and, if the chain is broken, the first
 * broken link and what is wrong with it.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long brokenAtSeq, String problem) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
