/**
 * The append-only audit log: who read confidential material, who changed visibility or annotations. One JSON
 * object per line in the data directory; lines are only ever added.
 */
package org.lararena.platform.audit;
