// Tests of AttainReport live in this target; this file keeps the folder in git.
import Testing
