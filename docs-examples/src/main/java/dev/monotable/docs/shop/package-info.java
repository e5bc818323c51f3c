/** The shop of the docs' topic pages: the AppData table with users, orders, products and stores, and a stream handler and Lambda function on its changes. */
package dev.monotable.docs.shop;
