package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javax.xml.bind.JAXBContext;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;
import no.ntnu.ihb.fmi4j.modeldescription.fmi2.Fmi2ModelDescription;
import no.ntnu.ihb.fmi4j.modeldescription.fmi2.Fmi2ScalarVariable;
import org.junit.jupiter.api.Test;

/** The worker's JAXB contexts: built once per class, and FMI4j reads descriptions through them. */
class JaxbContextsTest {

  private final JaxbContexts factory = new JaxbContexts();

  @Test
  void aClassBoundAgain_getsTheContextBuiltTheFirstTime() throws Exception {
    JAXBContext first =
        factory.createContext(new Class<?>[] {Fmi2ModelDescription.class}, Map.of());
    JAXBContext again =
        factory.createContext(new Class<?>[] {Fmi2ModelDescription.class}, Map.of());
    JAXBContext other = factory.createContext(new Class<?>[] {Fmi2ScalarVariable.class}, Map.of());

    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
  }

  @Test
  void severalClassesOrProperties_getAFreshContext_asWithoutTheCache() throws Exception {
    Class<?>[] both = {Fmi2ModelDescription.class, Fmi2ScalarVariable.class};

    assertThat(factory.createContext(both, Map.of()))
        .isNotSameAs(factory.createContext(both, Map.of()));
  }

  @Test
  void chosenAsJaxbsFactory_fmi4jReadsAnFmusDescriptionThroughIt() throws Exception {
    String before = System.getProperty(JaxbContexts.PROPERTY);
    System.setProperty(JaxbContexts.PROPERTY, JaxbContexts.PROPERTY_VALUE);
    Path folder = FmuArchive.unpack(LibraryFmus.archive("BouncingBall"));
    try {
      Fmu fmu = new Fmu("BouncingBall", folder.toFile());

      assertThat(fmu.getModelDescription().getModelName()).isEqualTo("BouncingBall");
      assertThat(JAXBContext.newInstance(Fmi2ModelDescription.class))
          .isSameAs(factory.createContext(new Class<?>[] {Fmi2ModelDescription.class}, Map.of()));
      fmu.close();
    } finally {
      FmuArchive.delete(folder);
      if (before == null) {
        System.clearProperty(JaxbContexts.PROPERTY);
      } else {
        System.setProperty(JaxbContexts.PROPERTY, before);
      }
    }
  }
}
