package org.sesreturns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SesReturnsApplication {

  public static void main(String[] args) {
    SpringApplication.run(SesReturnsApplication.class, args);
  }
}
