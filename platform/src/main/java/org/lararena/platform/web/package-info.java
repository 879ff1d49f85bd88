/**
 * The HTTP side of the error family: one failure handler that every route of every module shares, so every
 * error a user or a script sees has the same JSON shape and no stack trace; the caller ({@code Caller}) and the
 * request's parameters and JSON body, read the same way everywhere ({@code Params}, {@code JsonBody}).
 */
package org.lararena.platform.web;
