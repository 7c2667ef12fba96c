/** The event stream: typed records with a sequence number and clock time; bounded subscriptions with an explicit overflow marker. */
package dev.canopy.engine.event;
