package model

// CaseUpdatesScenario gives the external tests and benchmarks the default
// scenario built in code.
var CaseUpdatesScenario = defaultScenario
