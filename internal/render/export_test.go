package render

// SetFastTOC switches tocHTML on or off.
func SetFastTOC(on bool) { useFastTOC = on }
