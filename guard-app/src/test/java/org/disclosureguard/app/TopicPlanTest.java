package org.disclosureguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    @Test
    void theInputTakesWhatTheGuardScreensAndTheReviewTopicWhatAHeldRecordBecomes() {
        Topics topics = Topics.defaults();
        Map<String, NewTopic> plan = TopicPlan.newTopics(topics, 3, (short) 1, 500_000).stream()
                .collect(Collectors.toMap(NewTopic::name, t -> t));
        assertEquals(Integer.toString(500_000 + 1024), plan.get(topics.input()).configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
        assertEquals(Integer.toString(500_000 + GuardConfig.REVIEW_OVERHEAD_BYTES + 1024),
                plan.get(topics.review()).configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
        assertNull(plan.get(topics.audit()).configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), "small records: the broker's default");
        assertEquals(TopicConfig.CLEANUP_POLICY_DELETE, plan.get(topics.review()).configs().get(TopicConfig.CLEANUP_POLICY_CONFIG));

        NewTopic byDefault = TopicPlan.newTopics(topics, 3, (short) 1).get(0);
        assertEquals(Integer.toString(GuardConfig.DEFAULT_MAX_RECORD_BYTES + 1024), byDefault.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
    }
}
