"""NITF 3.6 bodies, read and written in one place for every format that carries them (NewsML-G2, ninjs)."""
