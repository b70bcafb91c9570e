import FuzzDriver

runFuzzer { bytes, count in modelParserFuzz(bytes, count) }
