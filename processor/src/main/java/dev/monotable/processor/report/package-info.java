/**
 * The design report: for each table the processor generates, a page people read ({@code <Table>.html}),
 * a NoSQL Workbench data model ({@code <Table>.workbench.json}) and a CloudFormation template
 * ({@code <Table>.cfn.json}), written from the checked models with the warnings the checks reported.
 * One class per output, with the sample values they share ({@code ExampleValues}); like the
 * generators, nothing here validates.
 */
package dev.monotable.processor.report;
