package org.grantline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GrantlineApplication {
    public static void main(String[] args) {
        SpringApplication.run(GrantlineApplication.class, args);
    }
}
