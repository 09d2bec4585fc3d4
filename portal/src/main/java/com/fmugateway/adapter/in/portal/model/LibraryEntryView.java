package com.fmugateway.adapter.in.portal.model;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.LibraryModel;
import java.util.stream.Collectors;

/** A built-in model as the library table and the run form's model list show it. */
public record LibraryEntryView(String id, String description, String interfaces) {

  public static LibraryEntryView of(LibraryModel model) {
    var description = model.inspected().description();
    return new LibraryEntryView(
        model.artifact().id().value(),
        description.description().orElse(""),
        description.interfaces().stream()
            .sorted()
            .map(FmuInterface::code)
            .collect(Collectors.joining(", ")));
  }
}
