/**
 * Files a build adds to the content it read: the feed, sitemap, SEO tags, redirects,
 * pagination, tag and kind pages, the search index, citations and licences, provenance from
 * git, and charts drawn from data.
 */
package org.sheaf.generate;
