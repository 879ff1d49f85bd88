/**
 * The HTTP side of the error family: one failure handler that every route of every module shares, so every
 * error a user or a script sees has the same JSON shape and no stack trace.
 */
package org.lararena.platform.web;
