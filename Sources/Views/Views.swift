// Module Views.
