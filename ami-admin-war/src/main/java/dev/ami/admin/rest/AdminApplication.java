package dev.ami.admin.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST administration API, under {@code /ami/api}. */
@ApplicationPath("/api")
public class AdminApplication extends Application {
}
