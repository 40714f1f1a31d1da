// One report per module; app's finding needs core's jar on the classpath (a Workers.submit is a
// thread start only when Workers resolves to a ThreadPoolExecutor); both ran from the top directory,
// so their paths are relative to it and its mapvet.properties (checks = all) reached both.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('not marked as thread-safe')
assert log.contains('[INFO] mapguard: no Java sources (src/main/java does not exist); nothing to check')   // the parent, packaging pom
assert !new File(basedir, 'target/mapvet.sarif').exists()

def core = new JsonSlurper().parse(new File(basedir, 'core/target/mapvet.sarif'))
assert core.runs[0].results*.ruleId == ['MapCapacityHint']
assert core.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'core/src/main/java/com/acme/core/Workers.java'
assert core.runs[0].originalUriBaseIds['%SRCROOT%'].uri.endsWith('/multi-module/')

def app = new JsonSlurper().parse(new File(basedir, 'app/target/mapvet.sarif'))
assert app.runs[0].results*.ruleId == ['UnsynchronizedSharedMap']
assert app.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri == 'app/src/main/java/com/acme/app/Counter.java' }
assert log.contains("[WARNING] app/src/main/java/com/acme/app/Counter.java:13:26: 'counts' is written here without a lock")
assert log.contains('[WARNING] core/src/main/java/com/acme/core/Workers.java:18:34: new HashMap<>(keys.size())')
// one finding per module: core's capacity hint, app's race reported once at its write
assert log.count('[INFO] mapvet: 1 finding in 1 of 1 files (0 errors)') == 2
assert log.contains('Also unguarded: line 17 (read).')
return true
