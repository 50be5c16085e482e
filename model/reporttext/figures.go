package reporttext

// Percent writes a utilisation fraction the way the reports do: 0.85 → 85%.
// Other writers (the comparison of two designs) use it so that a figure
// reads the same everywhere.
func Percent(v float64) string { return percent(v) }

// Count writes a figure the way the reports do: 850, 4.1, 1.2k, 24.9M.
func Count(v float64) string { return count(v) }
