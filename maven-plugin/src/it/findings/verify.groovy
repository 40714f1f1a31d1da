// The build failed on the findings, printed them as mapvet does, and wrote the SARIF report.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/com/acme/SessionRegistry.java'

assert log.contains('[INFO] --- mapguard-maven-plugin:') && log.contains(':check (default) @ findings ---')
assert log.contains("[WARNING] ${file}:19:26: 'hits' is written here without a lock") : 'finding line in the log'
assert log.contains('[UnsynchronizedSharedMap]')
assert log.contains('[InconsistentMapLocking]')
assert log.contains('[GuardedMapEscape]')
assert log.contains('[WARNING] \tsuggested fix: Create \'hits\' as a ConcurrentHashMap.')
assert log.contains('[INFO] mapvet: 3 findings in 1 of 1 files (0 errors)')
assert log.contains('BUILD FAILURE')
assert log.contains('on project findings: mapvet: 3 findings in 1 of 1 files (0 errors). The build fails on findings at or above failOn=warning; they are listed above and in target/mapvet.sarif.')
// a MojoFailureException (the code is at fault), not an execution error or a crash
assert log.contains('[ERROR] Failed to execute goal io.mapguard:mapguard-maven-plugin:')
assert log.contains('MojoFailureException')
assert !log.contains('MojoExecutionException')
assert !log.contains('internal error')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/mapvet.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'mapvet'
assert run.results.size() == 3
assert run.results*.ruleId.toSet() == ['UnsynchronizedSharedMap', 'InconsistentMapLocking', 'GuardedMapEscape'] as Set
assert run.results.every { it.locations[0].physicalLocation.artifactLocation.uri == file }
assert run.invocations[0].executionSuccessful == true
return true
