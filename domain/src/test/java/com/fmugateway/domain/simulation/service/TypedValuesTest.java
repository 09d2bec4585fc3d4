package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TypedValuesTest {

  @Test
  void givenTwoToThe53PlusOne_int64_keepsEveryDigit() {
    assertThat(TypedValues.scalar("f", VariableType.INT64, 9007199254740993L))
        .isEqualTo(9007199254740993L);
    assertThat(TypedValues.scalar("f", VariableType.INT64, "9007199254740993"))
        .isEqualTo(9007199254740993L);
  }

  @Test
  void givenTheLargestUInt64_uint64_keepsItsBits() {
    Object value =
        TypedValues.scalar("f", VariableType.UINT64, new BigInteger("18446744073709551615"));

    assertThat(Long.toUnsignedString((Long) value)).isEqualTo("18446744073709551615");
  }

  @Test
  void givenAValueOutsideTheTypesRange_scalar_namesTheRangeAndField() {
    assertThatThrownBy(() -> TypedValues.scalar("startValues.k", VariableType.UINT8, 256))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from 0 to 255 (UInt8)");
    assertThatThrownBy(() -> TypedValues.scalar("startValues.k", VariableType.INT64, 1e300))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("whole number (Int64)");
  }

  @Test
  void givenHex_binary_keepsItLowercase() {
    assertThat(TypedValues.scalar("f", VariableType.BINARY, "00FF7f80")).isEqualTo("00ff7f80");
    assertThatThrownBy(() -> TypedValues.scalar("f", VariableType.BINARY, "0g"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hexadecimal");
  }

  @Test
  void givenAnFmi2Integer_scalar_staysAnInteger() {
    assertThat(TypedValues.scalar("f", VariableType.INTEGER, 3)).isEqualTo(3);
    assertThat(TypedValues.scalar("f", VariableType.REAL, 3)).isEqualTo(3.0);
  }
}
