package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClasspathTest {

  @TempDir Path extractDir;

  @Test
  void onAnExplodedClassPath_theWorkerGetsOneEntryPerNeededJarAndNothingElse() {
    WorkerClasspath classpath =
        WorkerClasspath.resolve(WorkerClasspathTest.class.getClassLoader(), extractDir);

    assertThat(classpath.entries()).allMatch(Files::exists).doesNotHaveDuplicates();
    assertThat(classpath.entries())
        .extracting(p -> p.getFileName().toString())
        .anyMatch(name -> name.startsWith("fmi-import-"))
        .anyMatch(name -> name.startsWith("jna-"))
        .anyMatch(name -> name.startsWith("jaxb-runtime-"))
        .noneMatch(name -> name.startsWith("logback") || name.startsWith("spring"))
        .noneMatch(name -> name.equals("test-classes"));
    assertThat(classpath.entries()).contains(Path.of("target/classes").toAbsolutePath());
    assertThat(extractDir).isEmptyDirectory();
  }
}
