package org.grantline.simulation;

/**
 * What the people around one application do in a simulated round: whether a caseworker offers a place, whether
 * the area applies for Getting Going and a caseworker approves it, whether and when the plan comes (on time, late
 * — after the deadline timer — or never), whether a caseworker signs it off, and the stage at which the applicant
 * withdraws (null: never). Documents the process waits for besides these are always sent.
 */
record Script(boolean selected, boolean gettingGoingApplied, boolean gettingGoingApproved, Plan plan,
              boolean signedOff, String withdrawnAt) {

    enum Plan { YES, LATE, NO }
}
