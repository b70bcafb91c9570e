import FuzzDriver

runFuzzer { bytes, count in dotEncoderFuzz(bytes, count) }
