# Shared by the benchmark scripts, which source it from the repository's root.

# The jar to benchmark: $JAR, else the Run command's jar, built first when missing.
jar=${JAR:-bootstrap/target/fmu-gateway.jar}
[ -f "$jar" ] || ./mvnw -q -DskipTests package

# library_fmu NAME: the built-in model NAME.fmu, as built, else as kept in the repository.
library_fmu() {
  local built=adapters-fmi/target/classes/fmi/library/$1.fmu
  if [ -f "$built" ]; then echo "$built"; else echo "bootstrap/data/library/$1.fmu"; fi
}

# unpack_fmu ARCHIVE FOLDER: the archive's files in FOLDER (made if missing).
unpack_fmu() {
  mkdir -p "$2"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
}

# engine_floor_cmd [JVM option...]: floor_cmd, the command that runs EngineFloor (the engine called
# directly) from the jar; EngineFloor's own arguments follow it. A command, not a function, so that
# a caller can exec it and have the JVM's pid.
engine_floor_cmd() {
  floor_cmd=(java -XX:+DisableExplicitGC "$@"
    -Dloader.main=com.fmugateway.adapter.out.fmi.engine.EngineFloor -cp "$jar"
    org.springframework.boot.loader.launch.PropertiesLauncher)
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + RANDOM % 20000))
}
