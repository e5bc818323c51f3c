/**
 * The survey design: answers held in lists, maps and sets nested in one another, where a null
 * (a question not answered) and an empty set (answered with no choice) must stay apart, and number
 * and binary sets whose members are equal by DynamoDB's rules but not by Java's.
 */
package dev.monotable.it.survey;
