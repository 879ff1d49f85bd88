/**
 * The HTTP server: one router holding every module's endpoints behind authentication, the health check and
 * the shared failure handler.
 */
package org.lararena.web;
