def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] mapguard: check skipped (mapguard.skip)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('mapvet:')
assert !new File(basedir, 'target/mapvet.sarif').exists()
return true
