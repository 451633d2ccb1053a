package org.imelab.install.plan;

/** Installed for the whole machine, or for the user running the install (Linux only). */
public enum Scope { SYSTEM, USER }
