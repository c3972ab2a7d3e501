package docx

// Helpers of the internal tests, for the tests of the examples in package
// docx_test, which build documents through the pipeline (which imports
// this package).
var (
	Update             = update
	Parts              = parts
	Paragraphs         = paragraphs
	CheckNumbers       = checkNumbers
	CheckPandocLists   = checkPandocLists
	CheckStylesDefined = checkStylesDefined
)
