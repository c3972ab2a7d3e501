package assemble

// SetCaching turns the template output cache on or off, so that tests can
// compare a build from the cache with one that runs every template.
func SetCaching(on bool) { cacheOff = !on }
