"""Code the formats share: loading sources, atomic files, options, safe XML."""
