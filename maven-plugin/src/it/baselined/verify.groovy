// The command line's baseline matches the plugin's findings: same paths, same fingerprints.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] mapvet: 0 findings in 1 of 1 files (0 errors, 4 in baseline)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[UnsynchronizedSharedMap]')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/mapvet.sarif'))
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].invocations[0].executionSuccessful == true
return true
