// mapvet:ignore directives and mapvet.properties work as in the command line.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] mapvet: 0 findings in 2 of 2 files (0 errors, 1 ignored)')
assert log.contains('[INFO] mapguard: SARIF report: target/mapvet.sarif')
assert log.contains('BUILD SUCCESS')
assert !log.contains('OldCache')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/mapvet.sarif'))
assert sarif.runs[0].results.isEmpty()
return true
