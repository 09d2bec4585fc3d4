package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

  @Test
  void mappedBytes_isVmSizeInBytes() {
    List<String> status =
        List.of("Name:\tjava", "VmPeak:\t 1600000 kB", "VmSize:\t 1594976 kB", "VmRSS:\t 75084 kB");

    assertThat(ProcStatus.mappedBytes(status)).isEqualTo(1594976L * 1024);
  }

  @Test
  void aStatusWithoutVmSize_readsAsNothingMapped() {
    assertThat(ProcStatus.mappedBytes(List.of("Name:\tzombie", "State:\tZ (zombie)"))).isZero();
  }

  @Test
  void thisProcess_hasMappedSomething() {
    assertThat(ProcStatus.mappedBytes(ProcessHandle.current().pid())).isPositive();
  }
}
