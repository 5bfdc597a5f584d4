/**
 * The facts the rules see and produce: the contract between Java and the DRL files under rules/.
 * Inputs describe an application and its round; outputs ({@link Outcome}, {@link Failure}, {@link Value},
 * {@link Award}, {@link Tranche}, {@link Release}, {@link ConditionChange}, {@link ScorePoint}, {@link Flag})
 * are inserted by rules and read back by the engine. Nothing here names a programme round.
 */
package org.grantline.rules.facts;
