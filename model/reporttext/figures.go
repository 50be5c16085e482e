package reporttext

// Exported for the other writers (the comparison of two designs), so that
// a table or a piece of Markdown reads the same everywhere.

// YearColumns picks the indexes of the years a per-year table shows: all
// up to eleven, otherwise an even spread that keeps the first and last.
func YearColumns(years []int) []int { return yearColumns(years) }

// MarkdownText escapes user text (names, messages) for running Markdown.
func MarkdownText(s string) string { return inline(s) }

// MarkdownCell escapes user text for a Markdown table cell.
func MarkdownCell(s string) string { return cell(s) }
