package docx

// For the tests in package docx_test, which build real documents through
// the pipeline (a package that imports docx).
var (
	Tool   = tool
	Update = update
)
